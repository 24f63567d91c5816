def test_it_creates_a_book_and_reads_it_back(api_client):
    response = api_client.post(
        "/api/v1/books", {"title": " Dune ", "author": "Frank Herbert", "genre": "science-fiction"}, format="json"
    )
    assert response.status_code == 201, response.content
    book_id = response.json()["bookId"]
    detail = api_client.get(f"/api/v1/books/{book_id}")
    assert detail.status_code == 200
    assert detail.json()["title"] == "Dune"
